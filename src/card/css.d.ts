/** The content bundle loads `.css` files as text (esbuild `loader: {'.css': 'text'}`); see card-host.ts. */
declare module '*.css' {
  const css: string;
  export default css;
}
