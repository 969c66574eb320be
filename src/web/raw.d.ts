/** Vite's `?raw` imports: the file's text as a string (the shipped scenarios are bundled this way). */
declare module '*.yaml?raw' {
  const text: string;
  export default text;
}
