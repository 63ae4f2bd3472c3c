//! `saring webhooks`: where platforms receive their enforcement actions, the outbox of
//! events, dead letters, and a delivery run for cron.

use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use saring_store::OutboxStatus;
use saring_webhooks::{Dispatcher, DispatcherConfig, check_endpoint_url, new_signing_secret};

use crate::store::{Connected, now_ms, rfc3339};

/// `saring webhooks ...`
#[derive(clap::Args, Debug)]
pub struct WebhooksArgs {
    #[command(subcommand)]
    command: WebhooksCommand,
    /// The store: sqlite://PATH (created if missing) or postgres://USER@HOST/DATABASE.
    #[arg(long, value_name = "URL", env = "SARING_STORE", global = true)]
    store: Option<String>,
    /// Who makes the change (recorded in the audit log).
    #[arg(
        long,
        value_name = "NAME",
        env = "SARING_REVIEWER",
        default_value = "saring",
        global = true
    )]
    reviewer: String,
}

#[derive(clap::Subcommand, Debug)]
enum WebhooksCommand {
    /// Set a platform's endpoint URL with a fresh signing secret, printed once on stdout
    /// (give it to the platform; it is not shown again). Replaces an earlier endpoint and
    /// secret, and enables it.
    Set {
        /// The platform (shopee, tokopedia, ...).
        #[arg(long)]
        platform: String,
        /// The http(s) URL events are POSTed to.
        #[arg(long)]
        url: String,
    },
    /// Stop delivering to a platform; its events wait (pending) until `set` again.
    Disable {
        /// The platform.
        #[arg(long)]
        platform: String,
    },
    /// List endpoints and the outbox per platform (pending, delivered, dead).
    List,
    /// List dead letters: events that failed too often, with the last error.
    Dead,
    /// Queue a dead letter again (attempts reset).
    Retry {
        /// The outbox id `dead` shows.
        id: i64,
    },
    /// Deliver every due event now and return once none is due (for cron). Exit code 2
    /// when an event became a dead letter.
    Deliver {
        /// Failures before an event becomes a dead letter.
        #[arg(long, default_value_t = 8)]
        max_attempts: u32,
        /// Seconds a request may take.
        #[arg(long, default_value_t = 10)]
        timeout: u64,
    },
}

/// Runs `saring webhooks ...`.
pub fn run(args: &WebhooksArgs) -> anyhow::Result<ExitCode> {
    let now = now_ms();
    let actor = args.reviewer.as_str();
    let url = args.store.as_deref().context("--store URL is required")?;
    let connected = Connected::open(url)?;
    let store = &connected.store;
    let mut code = ExitCode::SUCCESS;
    match &args.command {
        WebhooksCommand::Set { platform, url } => {
            let url = check_endpoint_url(url)?;
            let secret = new_signing_secret()?;
            connected.run(store.set_webhook_endpoint(platform, &url, &secret, actor, now))?;
            eprintln!(
                "webhook endpoint for {platform}: {url}\n\
                 signing secret (shown once; the platform verifies Saring-Signature with it):"
            );
            outln!("{secret}");
        }
        WebhooksCommand::Disable { platform } => {
            connected.run(store.disable_webhook_endpoint(platform, actor, now))?;
            outln!("webhook endpoint for {platform} disabled; its events wait");
        }
        WebhooksCommand::List => {
            let endpoints = connected.run(store.webhook_endpoints())?;
            let counts = connected.run(store.webhook_outbox_counts())?;
            let mut platforms: Vec<&str> = endpoints
                .iter()
                .map(|e| e.platform.as_str())
                .chain(counts.iter().map(|c| c.platform.as_str()))
                .collect();
            platforms.sort_unstable();
            platforms.dedup();
            for platform in platforms {
                let endpoint = endpoints.iter().find(|e| e.platform == platform);
                let count = counts.iter().find(|c| c.platform == platform);
                let (pending, delivered, dead) =
                    count.map_or((0, 0, 0), |c| (c.pending, c.delivered, c.dead));
                let target = match endpoint {
                    Some(e) if e.enabled => format!("{} (enabled)", e.url),
                    Some(e) => format!("{} (disabled)", e.url),
                    None => "no endpoint".to_string(),
                };
                outln!(
                    "{platform:<12} {target}  pending {pending}  delivered {delivered}  dead {dead}"
                );
            }
        }
        WebhooksCommand::Dead => {
            for event in connected.run(store.webhook_events(Some(OutboxStatus::Dead)))? {
                outln!(
                    "{:>6}  {}  {:<10} action {:<6} attempts {}  created {}  last error: {}",
                    event.id,
                    event.event_id,
                    event.platform,
                    event
                        .action_id
                        .map_or_else(|| "-".to_string(), |id| id.to_string()),
                    event.attempts,
                    rfc3339(event.created_at),
                    event.last_error.as_deref().unwrap_or("-")
                );
            }
        }
        WebhooksCommand::Retry { id } => {
            connected.run(store.retry_webhook_dead_letter(*id, actor, now))?;
            outln!("webhook event {id} queued again");
        }
        WebhooksCommand::Deliver {
            max_attempts,
            timeout,
        } => {
            let mut config = DispatcherConfig::default();
            config.retry.max_attempts = *max_attempts;
            config.request_timeout = Duration::from_secs(*timeout);
            let dispatcher = Dispatcher::new(store.clone(), config)?;
            let counts = connected.run(dispatcher.run_until_idle())?;
            outln!(
                "delivered {}, to retry {}, dead letters {}",
                counts.delivered,
                counts.retrying,
                counts.dead
            );
            if counts.dead > 0 {
                code = ExitCode::from(2);
            }
        }
    }
    connected.close();
    Ok(code)
}
