package main

import (
	"context"
	"log"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/signal"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"golang.org/x/time/rate"
)

func proxyTo(target string) http.Handler {
	u, err := url.Parse(target)
	if err != nil {
		log.Fatalf("bad upstream %q: %v", target, err)
	}
	p := httputil.NewSingleHostReverseProxy(u)
	// Outgoing requests carry the W3C traceparent header.
	p.Transport = otelhttp.NewTransport(http.DefaultTransport)
	return p
}

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	shutdown, err := initTracing(ctx)
	if err != nil {
		log.Fatalf("tracing: %v", err)
	}
	defer func() {
		c, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = shutdown(c)
	}()

	limiter := rate.NewLimiter(rate.Limit(2000), 4000)
	mux := http.NewServeMux()
	mux.Handle("/auth/", proxyTo(env("AUTH_URL", "http://auth:8080")))
	mux.Handle("/", proxyTo(env("WEB_FRONTEND_URL", "http://web-frontend:3000")))

	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !limiter.Allow() {
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		mux.ServeHTTP(w, r)
	})

	srv := &http.Server{Addr: ":8080", Handler: otelhttp.NewHandler(handler, "edge-gateway")}
	go func() { <-ctx.Done(); _ = srv.Shutdown(context.Background()) }()
	log.Println("edge-gateway listening on :8080")
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		log.Fatal(err)
	}
}
