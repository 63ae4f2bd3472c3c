//! `saring serve` and `saring keys ...`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use saring_core::Role;
use saring_server::{EngineSetup, Server, ServerConfig, Settings, bind, shutdown_signal};

use crate::ConfigArgs;
use crate::store::{Connected, StoreArgs, now_ms, rfc3339};

/// Arguments of `saring serve`.
#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// Configuration file (TOML: listen, store, secret_file, batch_max_items, commit_max,
    /// claim_minutes). SARING_* environment variables override it; flags override both.
    #[arg(long, value_name = "FILE")]
    config_file: Option<PathBuf>,
    /// Address to listen on (default 127.0.0.1:8080; SARING_LISTEN).
    #[arg(long, value_name = "ADDR")]
    listen: Option<SocketAddr>,
    /// The store (default sqlite://saring.db; SARING_STORE).
    #[arg(long, value_name = "URL")]
    store: Option<String>,
    /// File holding the deployment secret (SARING_SECRET_FILE, or SARING_SECRET itself).
    #[arg(long, value_name = "PATH")]
    secret_file: Option<PathBuf>,
    /// Enforcement policy instead of the bundled config/enforcement.toml.
    #[arg(long, value_name = "FILE")]
    enforcement: Option<PathBuf>,
    #[command(flatten)]
    engine: ConfigArgs,
}

/// Runs `saring serve` until SIGINT or SIGTERM.
pub fn run(args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let flags = Settings {
        listen: args.listen,
        store: args.store.clone(),
        secret_file: args.secret_file.clone(),
        ..Settings::default()
    };
    let config = ServerConfig::resolve(
        args.config_file.as_deref(),
        |name| std::env::var(name).ok(),
        flags,
    )?;
    let enforcement = args
        .enforcement
        .as_ref()
        .map(|path| {
            std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
        })
        .transpose()?;
    let setup = EngineSetup {
        engine: args.engine.load()?,
        enforcement,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server runtime")?;
    runtime.block_on(async {
        let server = Server::open(&config, &setup).await?;
        let (listener, address) = bind(config.listen).await?;
        eprintln!("saring serve: listening on http://{address}");
        server.run(listener, shutdown_signal()).await?;
        eprintln!("saring serve: stopped");
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// `saring keys ...`
#[derive(clap::Subcommand, Debug)]
pub enum KeysCommand {
    /// Make a key and print it once (it is stored only as a hash).
    Create {
        /// platform, reviewer, regulator or admin.
        #[arg(long)]
        role: Role,
        /// A platform the key acts for (platform and reviewer keys; repeatable).
        #[arg(long = "platform", value_name = "PLATFORM")]
        platforms: Vec<String>,
        /// Whose key it is.
        #[arg(long, default_value = "")]
        label: String,
        /// The reviewer who holds the key, by the name they give the CLI as `--reviewer`:
        /// what they do through the key, the review UI and the CLI counts as one person's
        /// (so they cannot decide the appeal of their own confirmation by another door).
        #[arg(long, value_name = "NAME")]
        owner: Option<String>,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// List keys (never their secrets).
    List {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Revoke a key by its id.
    Revoke {
        /// The key's id (from `keys list`).
        id: String,
        #[command(flatten)]
        store: StoreArgs,
    },
}

/// Runs `saring keys ...`.
pub fn keys(command: &KeysCommand) -> anyhow::Result<ExitCode> {
    let actor = "cli";
    match command {
        KeysCommand::Create {
            role,
            platforms,
            label,
            owner,
            store,
        } => {
            let connected = Connected::open(&store.store)?;
            let made = connected.run(connected.store.create_owned_api_key(
                *role,
                platforms,
                label,
                owner.as_deref(),
                actor,
                now_ms(),
            ));
            connected.close();
            let made = made?;
            eprintln!(
                "saring: key {} ({}{}) made; it is shown only now:",
                made.principal.key_id,
                made.principal.role,
                if made.principal.platforms.is_empty() {
                    String::new()
                } else {
                    format!(" for {}", made.principal.platforms.join(", "))
                }
            );
            outln!("{}", made.key);
        }
        KeysCommand::List { store } => {
            let connected = Connected::open(&store.store)?;
            let keys = connected.run(connected.store.api_keys());
            connected.close();
            for key in keys? {
                let revoked = key
                    .revoked_at
                    .map(|at| format!(" revoked {}", rfc3339(at)))
                    .unwrap_or_default();
                let owner = key
                    .owner
                    .map(|owner| format!(" owner {owner:?}"))
                    .unwrap_or_default();
                outln!(
                    "{}  {:9}  {:20}  {}  made {}{owner}{revoked}",
                    key.id,
                    key.role.as_str(),
                    key.platforms.join(","),
                    key.label,
                    rfc3339(key.created_at)
                );
            }
        }
        KeysCommand::Revoke { id, store } => {
            let connected = Connected::open(&store.store)?;
            let revoked = connected.run(connected.store.revoke_api_key(id, actor, now_ms()));
            connected.close();
            revoked?;
            eprintln!("saring: key {id} revoked");
        }
    }
    Ok(ExitCode::SUCCESS)
}
