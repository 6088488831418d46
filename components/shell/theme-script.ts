// Kept out of the 'use client' toggle so the root layout (a server component) can inline it.
/** Runs before the first paint (inline in <head>): the stored choice, else the system's. */
export const THEME_SCRIPT = `try{var t=localStorage.getItem('fm-theme');if(t==='dark'||(!t&&matchMedia('(prefers-color-scheme: dark)').matches))document.documentElement.classList.add('dark')}catch(e){}`;
