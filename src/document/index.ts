// The document module's public face: the Doc, its layer types and compact token storage.
export * from './doc.js';
export * from './layers.js';
export * from './token-table.js';
