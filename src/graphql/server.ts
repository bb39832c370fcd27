export { createApp, startServer, type App } from './app.js';
