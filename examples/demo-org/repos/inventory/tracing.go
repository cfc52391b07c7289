package main

import (
	"io"
	"net/http"

	"github.com/opentracing/opentracing-go"
	"github.com/opentracing/opentracing-go/ext"
	jaegercfg "github.com/uber/jaeger-client-go/config"
)

// initTracer configures the Jaeger client from JAEGER_* environment variables
// (JAEGER_AGENT_HOST, JAEGER_SAMPLER_TYPE, ...) and registers it globally.
func initTracer() (io.Closer, error) {
	cfg, err := jaegercfg.FromEnv()
	if err != nil {
		return nil, err
	}
	if cfg.ServiceName == "" {
		cfg.ServiceName = "inventory"
	}
	tracer, closer, err := cfg.NewTracer()
	if err != nil {
		return nil, err
	}
	opentracing.SetGlobalTracer(tracer)
	return closer, nil
}

// traced wraps a handler in an OpenTracing server span, continuing the
// caller's trace from the uber-trace-id header when present.
func traced(name string, next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tracer := opentracing.GlobalTracer()
		parent, _ := tracer.Extract(opentracing.HTTPHeaders, opentracing.HTTPHeadersCarrier(r.Header))
		span := tracer.StartSpan(name, ext.RPCServerOption(parent))
		defer span.Finish()
		ext.HTTPMethod.Set(span, r.Method)
		ext.HTTPUrl.Set(span, r.URL.Path)
		next(w, r.WithContext(opentracing.ContextWithSpan(r.Context(), span)))
	}
}
