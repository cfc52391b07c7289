import { trace } from '@shopfront/tracing';

const CATALOG_URL = process.env.CATALOG_BROWSE_URL ?? 'http://catalog-browse:8080';

type Product = { id: string; title: string; price: string };

async function featured(): Promise<Product[]> {
  // fetch() is instrumented automatically; the span below groups the calls.
  return trace('home.featured-products', async () => {
    const res = await fetch(`${CATALOG_URL}/api/products?featured=true`, {
      next: { revalidate: 60 },
    });
    return res.ok ? res.json() : [];
  });
}

export default async function Home() {
  const products = await featured();
  return (
    <main>
      <h1>Shopfront</h1>
      <ul>
        {products.map((p) => (
          <li key={p.id}>
            {p.title} – {p.price}
          </li>
        ))}
      </ul>
    </main>
  );
}
