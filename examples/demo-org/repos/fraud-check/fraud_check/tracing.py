"""OpenTelemetry SDK setup for fraud-check (manual, in code)."""
import os

from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.instrumentation.requests import RequestsInstrumentor
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.sdk.trace.sampling import ParentBased, TraceIdRatioBased


def init_tracing(app) -> None:
    resource = Resource.create(
        {
            "service.name": "fraud-check",
            "service.namespace": "shopfront",
            "deployment.environment": os.environ.get("DEPLOY_ENV", "production"),
        }
    )
    provider = TracerProvider(resource=resource, sampler=ParentBased(TraceIdRatioBased(0.5)))
    endpoint = os.environ.get("OTEL_COLLECTOR_URL", "http://otel-collector.observability:4318")
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=f"{endpoint}/v1/traces")))
    trace.set_tracer_provider(provider)

    FlaskInstrumentor().instrument_app(app)
    RequestsInstrumentor().instrument()
