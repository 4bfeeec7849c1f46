/*
 * PouchDB ships no types and @types/pouchdb-* pull Node and DOM declarations into every file
 * that imports them (breaking the main process's fetch types), so the few calls Kioku makes are
 * declared in ./pouch.ts and the modules are typed as plugins here.
 */
declare module 'pouchdb-core' {
  const PouchDB: unknown;
  export default PouchDB;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-idb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
