/** Production keeps its data (retain, deletion protection, backups); other stages are disposable. */
export const isProduction = $app.stage === "production";
