/// <reference types="svelte" />
/// <reference types="vite/client" />
declare const __WEB_APP__: boolean;
