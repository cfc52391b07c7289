"""Product search API. Contains no tracing code: spans for FastAPI requests
and outgoing httpx calls come from the opentelemetry-instrument launcher."""
import os

import httpx
from fastapi import FastAPI, Query
from opensearchpy import OpenSearch

app = FastAPI(title="search")
client = OpenSearch(hosts=[os.environ.get("OPENSEARCH_URL", "http://opensearch:9200")])
CATALOG_URL = os.environ.get("CATALOG_BROWSE_URL", "http://catalog-browse:8080")


@app.get("/search")
async def search(q: str = Query(min_length=1), size: int = 20):
    result = client.search(
        index="products",
        body={"query": {"multi_match": {"query": q, "fields": ["title^3", "description"]}}},
        size=size,
    )
    ids = [hit["_id"] for hit in result["hits"]["hits"]]
    async with httpx.AsyncClient(base_url=CATALOG_URL, timeout=2.0) as http:
        products = [(await http.get(f"/api/products/{i}")).json() for i in ids[:5]]
    return {"query": q, "total": result["hits"]["total"]["value"], "top": products, "ids": ids}


@app.get("/healthz")
def healthz():
    return {"status": "ok"}
