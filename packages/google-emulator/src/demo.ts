export async function seedGoogleDemo(_admin: unknown, _now: Date): Promise<void> {}
