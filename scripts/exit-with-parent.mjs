// Preloaded (node --import) into the Next server that `npm start` spawns. The parent owns the
// embedded database; when it dies without stopping (kill -9, OOM) the server must not live on as
// an orphan that holds the port and answers with a dead database: it exits within half a second.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(1);
}, 500).unref();
