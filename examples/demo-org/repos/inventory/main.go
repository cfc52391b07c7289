package main

import (
	"database/sql"
	"encoding/json"
	"log"
	"net/http"
	"os"

	"github.com/go-chi/chi/v5"
	_ "github.com/lib/pq"
	"github.com/opentracing/opentracing-go"
)

func main() {
	closer, err := initTracer()
	if err != nil {
		log.Fatalf("jaeger: %v", err)
	}
	defer closer.Close()

	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}

	r := chi.NewRouter()
	r.Get("/stock/{sku}", traced("GET /stock/{sku}", func(w http.ResponseWriter, req *http.Request) {
		sku := chi.URLParam(req, "sku")
		span, ctx := opentracing.StartSpanFromContext(req.Context(), "db.stock-by-sku")
		span.SetTag("sku", sku)
		rows, err := db.QueryContext(ctx, "SELECT warehouse_id, available FROM stock WHERE sku = $1", sku)
		span.Finish()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer rows.Close()
		levels := map[string]int{}
		for rows.Next() {
			var wh string
			var n int
			if err := rows.Scan(&wh, &n); err == nil {
				levels[wh] = n
			}
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"sku": sku, "levels": levels})
	}))
	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok")) })

	log.Println("inventory listening on :8080")
	log.Fatal(http.ListenAndServe(":8080", r))
}
