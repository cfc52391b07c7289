mod telemetry;

use axum::{extract::Path, routing::{get, post}, Json, Router};
use serde::Serialize;
use tower_http::trace::TraceLayer;
use tracing::instrument;

#[derive(Serialize)]
struct Parcel {
    id: String,
    order_id: String,
    weight_kg: f32,
    status: &'static str,
}

#[instrument(name = "warehouse.pick_list")]
async fn pick(Path(order_id): Path<String>) -> Json<serde_json::Value> {
    tracing::info!(%order_id, "pick list created");
    Json(serde_json::json!({ "orderId": order_id, "bins": ["A-12-3", "C-04-1"] }))
}

#[instrument(name = "warehouse.parcel")]
async fn parcel(Path(order_id): Path<String>) -> Json<Parcel> {
    Json(Parcel { id: format!("P{order_id}"), order_id, weight_kg: 1.4, status: "packed" })
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    telemetry::init()?;

    let app = Router::new()
        .route("/orders/:order_id/pick", post(pick))
        .route("/parcels/:order_id", get(parcel))
        .route("/healthz", get(|| async { "ok" }))
        .layer(TraceLayer::new_for_http());

    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
    axum::serve(listener, app)
        .with_graceful_shutdown(async { tokio::signal::ctrl_c().await.ok(); })
        .await?;
    telemetry::shutdown();
    Ok(())
}
