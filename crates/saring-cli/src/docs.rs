//! `saring completions`, `saring man` and the hidden `saring docs`: shell completions, man
//! pages and the reference pages in docs/ (cli.md, openapi.json, api.md), all made from the
//! command's own clap definitions and the server's OpenAPI document, so they cannot drift
//! from what the program does.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::CommandFactory;
use serde_json::Value;

/// The command that rewrites the generated pages in docs/ (printed when they are stale).
pub const REGENERATE: &str = "cargo run -p saring-cli -- docs --dir docs";

/// Arguments of `saring completions`.
#[derive(clap::Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

/// Arguments of `saring man`.
#[derive(clap::Args, Debug)]
pub struct ManArgs {
    /// Folder to write the pages into (created when missing): saring.1, saring-scan.1,
    /// saring-cases-list.1, ... one per command.
    #[arg(long, value_name = "DIR")]
    dir: PathBuf,
}

/// Arguments of `saring docs` (hidden: for the project's own docs/ folder).
#[derive(clap::Args, Debug)]
pub struct DocsArgs {
    /// Folder of the generated pages.
    #[arg(long, value_name = "DIR", default_value = "docs")]
    dir: PathBuf,
    /// Only check that the pages in DIR are current; exit 1 naming each one that is not.
    #[arg(long)]
    check: bool,
}

/// Prints the completion script for a shell on standard output.
pub fn completions(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut script = Vec::new();
    clap_complete::generate(
        args.shell,
        &mut crate::Cli::command(),
        "saring",
        &mut script,
    );
    out!("{}", String::from_utf8_lossy(&script));
    Ok(ExitCode::SUCCESS)
}

/// Writes one man page per command into a folder.
pub fn man(args: &ManArgs) -> anyhow::Result<ExitCode> {
    std::fs::create_dir_all(&args.dir)
        .with_context(|| format!("cannot create {}", args.dir.display()))?;
    clap_mangen::generate_to(crate::Cli::command(), &args.dir)
        .with_context(|| format!("cannot write man pages into {}", args.dir.display()))?;
    eprintln!("saring man: pages written to {}", args.dir.display());
    Ok(ExitCode::SUCCESS)
}

/// Writes the generated reference pages into a folder, or checks that they are current.
pub fn docs(args: &DocsArgs) -> anyhow::Result<ExitCode> {
    let pages = pages()?;
    if args.check {
        let stale: Vec<_> = pages
            .iter()
            .filter(|(name, text)| {
                std::fs::read_to_string(args.dir.join(name)).ok().as_deref() != Some(text)
            })
            .map(|(name, _)| args.dir.join(name).display().to_string())
            .collect();
        if stale.is_empty() {
            return Ok(ExitCode::SUCCESS);
        }
        eprintln!(
            "saring docs: not current (the commands or the API changed): {}\n\
             regenerate them with: {REGENERATE}",
            stale.join(", ")
        );
        return Ok(ExitCode::from(1));
    }
    std::fs::create_dir_all(&args.dir)
        .with_context(|| format!("cannot create {}", args.dir.display()))?;
    for (name, text) in &pages {
        write_page(&args.dir.join(name), text)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes one page, naming it in the error.
fn write_page(path: &Path, text: &str) -> anyhow::Result<()> {
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

/// The generated pages: file name and text.
fn pages() -> anyhow::Result<Vec<(&'static str, String)>> {
    let document = saring_server::routes::openapi();
    let json = document
        .to_pretty_json()
        .context("cannot write the OpenAPI document")?;
    let value: Value = serde_json::from_str(&json).context("cannot read the OpenAPI document")?;
    Ok(vec![
        ("cli.md", cli_markdown()),
        ("api.md", api_markdown(&value)),
        ("openapi.json", json + "\n"),
    ])
}

/// Notes that a page is generated, and by what.
fn generated_note(what: &str) -> String {
    format!("<!-- Generated from {what} by `{REGENERATE}`: do not edit by hand. -->\n\n")
}

/// docs/cli.md: every command, argument and option, from the clap definitions.
fn cli_markdown() -> String {
    let options = clap_markdown::MarkdownOptions::new()
        .title("saring command-line reference".to_string())
        .show_footer(false);
    let reference = clap_markdown::help_markdown_command_custom(&crate::Cli::command(), &options);
    let mut page = generated_note("the clap definitions in crates/saring-cli");
    page.push_str(&reference);
    if !page.ends_with('\n') {
        page.push('\n');
    }
    page
}

/// The HTTP methods of a path item, in the order the page lists them.
const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// docs/api.md: the routes of the OpenAPI document, their parameters, bodies and answers, and
/// the fields of each schema.
fn api_markdown(document: &Value) -> String {
    let mut page = generated_note("the OpenAPI document the server serves at /v1/openapi.json");
    let title = text(&document["info"]["title"]);
    page.push_str(&format!("# {title} reference\n\n"));
    page.push_str(&format!("{}\n\n", text(&document["info"]["description"])));
    page.push_str(
        "The whole document is [openapi.json](openapi.json) (OpenAPI 3); a running server \
         serves it at `GET /v1/openapi.json` without a key. Errors are JSON \
         [`ApiError`](#apierror) objects.\n\n## Routes\n\n| method | path | summary |\n|---|---|---|\n",
    );
    let paths = document["paths"].as_object().cloned().unwrap_or_default();
    let operations: Vec<(&str, &String, &Value)> = paths
        .iter()
        .flat_map(|(path, item)| {
            METHODS
                .iter()
                .filter_map(move |method| item.get(*method).map(|op| (*method, path, op)))
        })
        .collect();
    for (method, path, operation) in &operations {
        page.push_str(&format!(
            "| {} | [`{path}`](#{}) | {} |\n",
            method.to_uppercase(),
            anchor(&format!("{method} {path}")),
            cell(&text(&operation["summary"]))
        ));
    }
    for (method, path, operation) in &operations {
        page.push_str(&format!("\n### {} {path}\n\n", method.to_uppercase()));
        for key in ["summary", "description"] {
            let paragraph = text(&operation[key]);
            if !paragraph.is_empty() {
                page.push_str(&format!("{paragraph}\n\n"));
            }
        }
        operation_details(&mut page, operation);
    }
    page.push_str("\n## Schemas\n");
    if let Some(schemas) = document["components"]["schemas"].as_object() {
        for (name, schema) in schemas {
            schema_section(&mut page, name, schema);
        }
    }
    page
}

/// An operation's parameters, request body and responses.
fn operation_details(page: &mut String, operation: &Value) {
    if let Some(parameters) = operation["parameters"].as_array() {
        page.push_str(
            "| parameter | in | required | type | description |\n|---|---|---|---|---|\n",
        );
        for parameter in parameters {
            page.push_str(&format!(
                "| `{}` | {} | {} | {} | {} |\n",
                text(&parameter["name"]),
                text(&parameter["in"]),
                yes_no(&parameter["required"]),
                type_of(&parameter["schema"]),
                cell(&text(&parameter["description"]))
            ));
        }
        page.push('\n');
    }
    if let Some(content) = operation["requestBody"]["content"].as_object() {
        let bodies: Vec<String> = content
            .iter()
            .map(|(media, body)| format!("`{media}` {}", type_of(&body["schema"])))
            .collect();
        page.push_str(&format!("Request body: {}.\n\n", bodies.join("; ")));
    }
    if let Some(responses) = operation["responses"].as_object() {
        page.push_str("| status | answer | body |\n|---|---|---|\n");
        for (status, response) in responses {
            let bodies: Vec<String> = response["content"]
                .as_object()
                .map(|content| {
                    content
                        .iter()
                        .map(|(media, body)| format!("`{media}` {}", type_of(&body["schema"])))
                        .collect()
                })
                .unwrap_or_default();
            page.push_str(&format!(
                "| {status} | {} | {} |\n",
                cell(&text(&response["description"])),
                bodies.join("; ")
            ));
        }
    }
}

/// A schema: its description and a table of its fields, or its values.
fn schema_section(page: &mut String, name: &str, schema: &Value) {
    page.push_str(&format!("\n### {name}\n\n"));
    let description = text(&schema["description"]);
    if !description.is_empty() {
        page.push_str(&format!("{description}\n\n"));
    }
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    match schema["properties"].as_object() {
        Some(properties) => {
            page.push_str("| field | type | required | description |\n|---|---|---|---|\n");
            for (field, property) in properties {
                page.push_str(&format!(
                    "| `{field}` | {} | {} | {} |\n",
                    type_of(property),
                    if required.contains(&field.as_str()) {
                        "yes"
                    } else {
                        "no"
                    },
                    cell(&text(&property["description"]))
                ));
            }
        }
        None => page.push_str(&format!("Type: {}.\n", type_of(schema))),
    }
}

/// A short, readable type of a schema: a link to a named schema, `T[]`, a union, or the type.
fn type_of(schema: &Value) -> String {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.rsplit('/').next().unwrap_or(reference);
        return format!("[`{name}`](#{})", anchor(name));
    }
    if let Some(values) = schema["enum"].as_array() {
        let values: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
        return values.join(", ").replace('"', "");
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(variants) = schema[key].as_array() {
            let joiner = if key == "allOf" { " & " } else { " \\| " };
            let types: Vec<String> = variants.iter().map(type_of).collect();
            return types.join(joiner);
        }
    }
    let types: Vec<String> = match &schema["type"] {
        Value::String(kind) => vec![kind.clone()],
        Value::Array(kinds) => kinds.iter().map(text).collect(),
        _ => Vec::new(),
    };
    let types: Vec<String> = types
        .into_iter()
        .map(|kind| match kind.as_str() {
            "array" => format!("{}[]", type_of(&schema["items"])),
            _ => match schema["format"].as_str() {
                Some(format) => format!("{kind} ({format})"),
                None => kind,
            },
        })
        .collect();
    if types.is_empty() {
        "any".to_string()
    } else {
        types.join(" \\| ")
    }
}

/// A JSON string's text, or an empty string.
fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().trim().to_string()
}

/// `yes` for JSON true.
fn yes_no(value: &Value) -> &'static str {
    if value.as_bool() == Some(true) {
        "yes"
    } else {
        "no"
    }
}

/// Text fit for a table cell: one line, pipes escaped.
fn cell(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

/// The anchor GitHub-style markdown gives a heading.
fn anchor(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            'a'..='z' | '0'..='9' | '-' | '_' => Some(c),
            ' ' => Some('-'),
            _ => None,
        })
        .collect()
}
