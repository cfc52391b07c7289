use std::io::Cursor;

use axum::{
    extract::{Path, Query},
    http::{header, StatusCode},
    response::IntoResponse,
    routing::get,
    Router,
};
use image::{imageops::FilterType, ImageFormat};
use serde::Deserialize;
use tower_http::trace::TraceLayer;

#[derive(Deserialize)]
struct Size {
    w: u32,
    h: Option<u32>,
}

async fn resize(Path(key): Path<String>, Query(size): Query<Size>) -> impl IntoResponse {
    let origin = std::env::var("ORIGIN_URL").unwrap_or_else(|_| "http://media-bucket".into());
    let bytes = match reqwest::get(format!("{origin}/{key}")).await {
        Ok(r) if r.status().is_success() => r.bytes().await.unwrap_or_default(),
        _ => return (StatusCode::NOT_FOUND, "no such image").into_response(),
    };
    let Ok(img) = image::load_from_memory(&bytes) else {
        return (StatusCode::UNPROCESSABLE_ENTITY, "not an image").into_response();
    };
    let out = img.resize(size.w, size.h.unwrap_or(size.w), FilterType::Lanczos3);
    let mut buf = Cursor::new(Vec::new());
    if out.write_to(&mut buf, ImageFormat::WebP).is_err() {
        return (StatusCode::INTERNAL_SERVER_ERROR, "encode failed").into_response();
    }
    tracing::info!(%key, w = size.w, "resized");
    ([(header::CONTENT_TYPE, "image/webp")], buf.into_inner()).into_response()
}

#[tokio::main]
async fn main() {
    // JSON logs to stdout; TraceLayer below only logs request/response lines.
    tracing_subscriber::fmt().json().with_env_filter("info").init();

    let app = Router::new()
        .route("/img/*key", get(resize))
        .route("/healthz", get(|| async { "ok" }))
        .layer(TraceLayer::new_for_http());

    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
