//! The MongoDB inventory store against a real MongoDB. No MongoDB server can be installed
//! here, so this runs only when `MONGODB_URI` is set and ot2ctl is built with `--features
//! mongo` (`scripts/test.sh` does both when the variable is set, and says plainly when it
//! skips). It works in a database of its own, dropped at the end, never in the lab's.

#[test]
fn the_mongodb_store_keeps_the_labs_schema_and_never_overdraws() {
    let Ok(uri) = std::env::var("MONGODB_URI") else {
        eprintln!("SKIPPED: MONGODB_URI is not set, so the MongoDB store was not tested");
        return;
    };
    run(&uri);
}

#[cfg(not(feature = "mongo"))]
fn run(_uri: &str) {
    panic!("MONGODB_URI is set but ot2ctl was built without --features mongo");
}

#[cfg(feature = "mongo")]
fn run(uri: &str) {
    use bson::{Bson, doc};
    use jiff::Timestamp;
    use ot2ctl::inventory::model::{Amounts, InventoryError};
    use ot2ctl::inventory::mongo::MongoStore;

    let database = format!(
        "ot2ctl-test-{}",
        &uuid::Uuid::new_v4().simple().to_string()[..8]
    );
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(async {
            let store = MongoStore::connect(uri, Some(&database)).await.unwrap();
            let t0 = Timestamp::now();
            store
                .initialize(Amounts::new(1000.0, 1000.0, 1000.0), 5.0, "test", t0)
                .await
                .unwrap();

            // The documents have the lab's fields and BSON types.
            let client = mongodb::Client::with_uri_str(uri).await.unwrap();
            let db = client.database(&database);
            let red = db
                .collection::<bson::Document>("inventory")
                .find_one(doc! {"color_key": "R"})
                .await
                .unwrap()
                .unwrap();
            assert!(matches!(red.get("last_updated"), Some(Bson::DateTime(_))));
            assert!(matches!(red.get("volume_ul"), Some(Bson::Double(_))));
            assert_eq!(red.get_str("position").unwrap(), "B1");

            // A mix takes its paint; one that would leave less than the threshold is refused
            // and changes nothing.
            let mix = Amounts::new(800.0, 0.0, 0.0);
            store.reserve(mix, 100.0, Timestamp::now()).await.unwrap();
            let refused = store.reserve(mix, 100.0, Timestamp::now()).await;
            assert!(
                matches!(refused, Err(InventoryError::Insufficient(_))),
                "{refused:?}"
            );
            let stocks = store.stocks().await.unwrap();
            assert!((stocks[0].volume_ul - 200.0).abs() < 0.1, "{stocks:?}");
            store.give_back(mix, Timestamp::now()).await.unwrap();

            let (_, entry) = store
                .restock(
                    Amounts::new(500.0, 0.0, 0.0),
                    "lab_tech_1",
                    Timestamp::now(),
                )
                .await
                .unwrap();
            let log = store.audit_log(10).await.unwrap();
            assert_eq!(log[0].id, entry.id);
            assert_eq!(log[0].operation_type, "manual_restock");
            let raw = db
                .collection::<bson::Document>("restock_log")
                .find_one(doc! {"operation_type": "manual_restock"})
                .await
                .unwrap()
                .unwrap();
            assert!(matches!(raw.get("timestamp"), Some(Bson::DateTime(_))));
            assert_eq!(raw.get_str("operator").unwrap(), "lab_tech_1");

            db.drop().await.unwrap();
        });
}
