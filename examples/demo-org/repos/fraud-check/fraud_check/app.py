import os

import requests
from flask import Flask, jsonify, request
from opentelemetry import trace

from fraud_check.tracing import init_tracing

app = Flask(__name__)
init_tracing(app)
tracer = trace.get_tracer("fraud_check")
PROFILE_URL = os.environ.get("CUSTOMER_PROFILE_URL", "http://customer-profile:8080")


def risk_score(amount: float, account_age_days: int, country_mismatch: bool) -> float:
    with tracer.start_as_current_span("fraud.model.score") as span:
        score = min(1.0, amount / 5000) * 0.5
        score += 0.3 if account_age_days < 7 else 0.0
        score += 0.2 if country_mismatch else 0.0
        span.set_attribute("fraud.score", score)
        return round(score, 3)


@app.post("/score")
def score():
    payload = request.get_json(force=True)
    profile = requests.get(f"{PROFILE_URL}/customers/{payload['customerId']}", timeout=1.5).json()
    value = risk_score(
        float(payload["amount"]),
        int(profile.get("accountAgeDays", 0)),
        profile.get("country") != payload.get("billingCountry", profile.get("country")),
    )
    return jsonify(score=value)


@app.get("/healthz")
def healthz():
    return {"status": "ok"}
