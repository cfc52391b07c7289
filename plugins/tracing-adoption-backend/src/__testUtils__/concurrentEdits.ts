type Answer = { status: number; body: any };

/**
 * What a well-behaved client does with optimistic locking: read, change,
 * write on the version read, and on 409 read again and retry after a random
 * wait that doubles with each conflict (full jitter), so that the losers
 * spread out instead of colliding again. Resolves with the number of writes
 * it took.
 */
export async function editUntilAccepted(
  read: () => PromiseLike<Answer>,
  write: (current: any) => PromiseLike<Answer>,
): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    const current = await read();
    if (current.status !== 200) {
      throw new Error(`Read answered ${current.status}`);
    }
    const written = await write(current.body);
    if (written.status === 200) {
      return attempt;
    }
    if (written.status !== 409) {
      throw new Error(
        `Write answered ${written.status}: ${JSON.stringify(written.body)}`,
      );
    }
    await new Promise(resolve =>
      setTimeout(resolve, Math.random() * Math.min(1000, 25 * 2 ** attempt)),
    );
  }
}
