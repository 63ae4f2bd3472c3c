//! Group commit: screened listings queue for one writer task, which records whatever has
//! queued (up to a maximum) in one store transaction and then answers every request of the
//! batch. Under load, batches grow while a commit is in flight; when idle, a lone request is
//! committed at once.

use saring_core::{Decision, Listing};
use saring_service::{PreparedBatch, Recorder};
use tokio::sync::{mpsc, oneshot};

/// One screened listing waiting to be recorded.
pub struct WriteJob {
    /// The listing.
    pub listing: Listing,
    /// Its decision.
    pub decision: Decision,
    /// Told the decision once committed, or why recording failed.
    pub done: oneshot::Sender<Result<Decision, String>>,
}

/// Queue length in front of the writer.
pub const QUEUE: usize = 4096;

/// Runs until every sender is dropped and the queue is drained.
pub async fn run(mut recorder: Recorder, mut jobs: mpsc::Receiver<WriteJob>, commit_max: usize) {
    let mut pending = Vec::with_capacity(commit_max);
    while jobs.recv_many(&mut pending, commit_max).await > 0 {
        let batch = std::mem::take(&mut pending);
        let (returned, prepared) = tokio::task::spawn_blocking(move || {
            let prepared: Vec<_> = batch
                .into_iter()
                .map(|job| {
                    let prepared = recorder.prepare(&job.listing, &job.decision);
                    (job, prepared)
                })
                .collect();
            (recorder, prepared)
        })
        .await
        .unwrap_or_else(|error| std::panic::resume_unwind(error.into_panic()));
        recorder = returned;
        let mut batch = PreparedBatch::default();
        let mut waiting = Vec::with_capacity(prepared.len());
        for (job, prepared) in prepared {
            match prepared {
                Ok(prepared) => {
                    batch.push(prepared);
                    waiting.push(job);
                }
                Err(error) => {
                    let _ = job.done.send(Err(error.to_string()));
                }
            }
        }
        let outcome = recorder
            .record(batch)
            .await
            .map_err(|error| error.to_string());
        for job in waiting {
            // A client that went away no longer waits for its answer.
            let _ = job.done.send(outcome.clone().map(|_| job.decision));
        }
    }
}
