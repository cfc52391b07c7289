use opentelemetry::{global, trace::TraceError, KeyValue};
use opentelemetry_sdk::{propagation::TraceContextPropagator, runtime, trace, Resource};
use tracing_subscriber::{layer::SubscriberExt, util::SubscriberInitExt, EnvFilter};

/// Sends `tracing` spans to the OpenTelemetry collector over OTLP/gRPC.
/// The endpoint is read from OTEL_EXPORTER_OTLP_ENDPOINT by the exporter.
pub fn init() -> Result<(), TraceError> {
    global::set_text_map_propagator(TraceContextPropagator::new());

    let tracer = opentelemetry_otlp::new_pipeline()
        .tracing()
        .with_exporter(opentelemetry_otlp::new_exporter().tonic())
        .with_trace_config(trace::config().with_resource(Resource::new(vec![
            KeyValue::new("service.name", "warehouse"),
            KeyValue::new("service.namespace", "shopfront"),
        ])))
        .install_batch(runtime::Tokio)?;

    tracing_subscriber::registry()
        .with(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")))
        .with(tracing_subscriber::fmt::layer())
        .with(tracing_opentelemetry::layer().with_tracer(tracer))
        .init();
    Ok(())
}

pub fn shutdown() {
    global::shutdown_tracer_provider();
}
