//! OpenAPI schemas of the types whose JSON form is written by hand (feature `openapi`).

use std::borrow::Cow;

use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, SchemaType, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

use crate::listing::{ImageRef, Platform};

impl PartialSchema for Platform {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(SchemaType::new(Type::String))
            .enum_values(Some(Platform::ALL.iter().map(|platform| platform.as_str())))
            .description(Some("The platform a listing is on."))
            .into()
    }
}

impl ToSchema for Platform {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Platform")
    }
}

/// An object with one required string property.
fn one_field(field: &str, description: &str) -> Schema {
    ObjectBuilder::new()
        .property(
            field,
            ObjectBuilder::new()
                .schema_type(SchemaType::new(Type::String))
                .description(Some(description)),
        )
        .required(field)
        .into()
}

impl PartialSchema for ImageRef {
    fn schema() -> RefOr<Schema> {
        OneOfBuilder::new()
            .item(one_field("url", "An http(s) URL of the photo."))
            .item(one_field(
                "base64",
                "The photo's bytes, base64 (a data: URL prefix is accepted).",
            ))
            .item(one_field(
                "path",
                "A file on the machine running saring (the CLI only; the HTTP API refuses it).",
            ))
            .description(Some("A listing photo: exactly one of url, base64 or path."))
            .into()
    }
}

impl ToSchema for ImageRef {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("ImageRef")
    }
}
