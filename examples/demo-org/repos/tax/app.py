"""Tax calculation service. No tracing: only structured logs and Prometheus metrics."""
from decimal import ROUND_HALF_UP, Decimal

import structlog
from flask import Flask, jsonify, request
from prometheus_client import Counter, make_wsgi_app
from pydantic import BaseModel, ValidationError
from werkzeug.middleware.dispatcher import DispatcherMiddleware

log = structlog.get_logger()
app = Flask(__name__)
app.wsgi_app = DispatcherMiddleware(app.wsgi_app, {"/metrics": make_wsgi_app()})
QUOTES = Counter("tax_quotes_total", "Tax quotes computed", ["country"])

# Standard VAT rates; US sales tax by state is handled by the provider table.
VAT = {"DE": "0.19", "FR": "0.20", "NL": "0.21", "SE": "0.25", "GB": "0.20", "IE": "0.23"}


class Line(BaseModel):
    sku: str
    net: Decimal
    quantity: int = 1


class Quote(BaseModel):
    country: str
    lines: list[Line]


@app.post("/tax/quote")
def quote():
    try:
        q = Quote.model_validate(request.get_json(force=True))
    except ValidationError as err:
        return jsonify(error=err.errors()), 400
    rate = Decimal(VAT.get(q.country.upper(), "0"))
    net = sum((line.net * line.quantity for line in q.lines), Decimal("0"))
    tax = (net * rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    QUOTES.labels(q.country.upper()).inc()
    log.info("tax.quoted", country=q.country, net=str(net), tax=str(tax))
    return jsonify(country=q.country, rate=str(rate), net=str(net), tax=str(tax))


@app.get("/healthz")
def healthz():
    return {"status": "ok"}
