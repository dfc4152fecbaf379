//! Objects on the test server that fixtures template from: variables and blocks.

use serde_json::{Value, json};

/// A Prefect variable with this value, made anew (an earlier run's copy is replaced).
pub async fn set_variable(client: &ot2ctl::api::Client, name: &str, value: Value) {
    let _ = client
        .delete(
            &format!("/variables/name/{name}"),
            &ot2ctl::api::Target::Variable(name.into()),
        )
        .await;
    let _: Value = client
        .post(
            "/variables/",
            &json!({"name": name, "value": value}),
            &ot2ctl::api::Target::Variable(name.into()),
        )
        .await
        .unwrap();
}

/// The variables and blocks tests/fixtures/templated_project templates from, with the values
/// its tests expect, made anew.
pub async fn templated_project_objects(client: &ot2ctl::api::Client) {
    for (name, value) in [
        ("ot2ctl_test_tag", json!("from-variable")),
        ("ot2ctl_test_mode", json!("simulate")),
        ("ot2ctl_test_defaults", json!({"R": 90, "speed": "fast"})),
        ("ot2ctl_test_red", json!(90)),
    ] {
        set_variable(client, name, value).await;
    }
    save_block(
        client,
        "secret",
        "ot2ctl-test-token",
        json!({"value": "s3cr3t-token"}),
    )
    .await;
    save_block(
        client,
        "github-credentials",
        "ot2ctl-test-github",
        json!({"token": "ghp-not-a-real-token"}),
    )
    .await;
}

/// A block document of this type and name holding `data`, made anew.
pub async fn save_block(client: &ot2ctl::api::Client, type_slug: &str, name: &str, data: Value) {
    let target = ot2ctl::api::Target::Block(name.into());
    let block_type: Value = client
        .get(&format!("/block_types/slug/{type_slug}"), &target)
        .await
        .unwrap();
    if let Ok(old) = client
        .get::<Value>(
            &format!("/block_types/slug/{type_slug}/block_documents/name/{name}"),
            &target,
        )
        .await
    {
        let id = old["id"].as_str().unwrap();
        client
            .delete(&format!("/block_documents/{id}"), &target)
            .await
            .unwrap();
    }
    let schemas: Value = client
        .post(
            "/block_schemas/filter",
            &json!({"block_schemas": {"block_type_id": {"any_": [block_type["id"]]}}}),
            &target,
        )
        .await
        .unwrap();
    let _: Value = client
        .post(
            "/block_documents/",
            &json!({
                "name": name,
                "block_type_id": block_type["id"],
                "block_schema_id": schemas[0]["id"],
                "data": data,
            }),
            &target,
        )
        .await
        .unwrap();
}
