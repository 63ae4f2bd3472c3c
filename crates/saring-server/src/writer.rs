//! Group commit: screened listings, prepared on their request's task, queue for one writer
//! task, which records whatever has queued (up to a maximum) in one store transaction and
//! then answers every request of the batch. When that transaction fails, each listing is
//! recorded alone, so a listing the store refuses fails only its own request. Under load, batches grow while a commit is in
//! flight; when idle, a lone request is committed at once.

use saring_core::Decision;
use saring_service::{PreparedBatch, PreparedListing, Recorder};
use tokio::sync::{mpsc, oneshot};

/// One screened listing waiting to be recorded.
pub struct WriteJob {
    /// The listing made ready to record.
    pub prepared: PreparedListing,
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
        let mut batch = PreparedBatch::default();
        let mut waiting = Vec::with_capacity(pending.len());
        for job in pending.drain(..) {
            batch.push(job.prepared);
            waiting.push((job.done, job.decision));
        }
        // A listing the store refuses fails alone: the others of its batch are recorded.
        let outcomes = recorder.record_isolated(batch).await;
        for ((done, decision), outcome) in waiting.into_iter().zip(outcomes) {
            // A client that went away no longer waits for its answer.
            let _ = done.send(outcome.map(|()| decision));
        }
    }
}
