"""Recommendations API.

Traced with Datadog: the process is started by `ddtrace-run` (see Dockerfile),
which patches Flask, redis and requests; `tracer.wrap` adds a custom span.
"""
import os

import numpy as np
import redis
import requests
from ddtrace import tracer
from flask import Flask, jsonify

app = Flask(__name__)
cache = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://redis:6379/0"))
ORDERS_URL = os.environ.get("ORDERS_URL", "http://orders:3000")


@tracer.wrap(name="recommendations.score", service="recommendations")
def score(history: list[str], candidates: list[str]) -> list[str]:
    weights = np.array([1.0 if c in history else 0.1 for c in candidates])
    order = np.argsort(-weights, kind="stable")
    return [candidates[i] for i in order]


@app.get("/recommendations/<customer_id>")
def recommend(customer_id: str):
    history = requests.get(f"{ORDERS_URL}/customers/{customer_id}/items", timeout=2).json()
    candidates = [c.decode() for c in cache.smembers("popular-products")]
    return jsonify(customer=customer_id, products=score(history, candidates)[:12])


@app.get("/healthz")
def healthz():
    return {"status": "ok"}
