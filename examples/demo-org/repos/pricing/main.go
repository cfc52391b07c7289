package main

import (
	"context"
	"encoding/json"
	"log"
	"net/http"
	"os"

	"github.com/go-chi/chi/v5"
	tracing "github.com/shopfront/go-tracing"
)

type price struct {
	SKU      string  `json:"sku"`
	Amount   float64 `json:"amount"`
	Currency string  `json:"currency"`
	OnSale   bool    `json:"onSale"`
}

func main() {
	ctx := context.Background()

	// go-tracing is Shopfront's tracing wrapper around OpenTelemetry. It
	// configures itself: service.name is derived from the main module path
	// (github.com/shopfront/pricing -> "pricing"), collector address and
	// sampling come from the platform defaults, so services only call Start
	// and use its middleware and HTTP client.
	shutdown := tracing.Start(ctx)
	defer shutdown(ctx)

	currency := tracing.HTTPClient() // propagates trace context on outgoing calls
	currencyURL := os.Getenv("CURRENCY_URL")
	if currencyURL == "" {
		currencyURL = "http://currency:8080"
	}

	r := chi.NewRouter()
	r.Use(tracing.Middleware)
	r.Get("/prices/{sku}", func(w http.ResponseWriter, req *http.Request) {
		p := price{SKU: chi.URLParam(req, "sku"), Amount: 19.99, Currency: "EUR"}
		if cur := req.URL.Query().Get("currency"); cur != "" && cur != "EUR" {
			ctx, span := tracing.Span(req.Context(), "pricing.convert")
			defer span.End()
			url := currencyURL + "/convert?amount=19.99&from=EUR&to=" + cur
			creq, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
			if resp, err := currency.Do(creq); err == nil {
				var out struct{ Amount float64 }
				_ = json.NewDecoder(resp.Body).Decode(&out)
				resp.Body.Close()
				p.Amount, p.Currency = out.Amount, cur
			}
		}
		_ = json.NewEncoder(w).Encode(p)
	})

	log.Println("pricing listening on :8080")
	log.Fatal(http.ListenAndServe(":8080", r))
}
