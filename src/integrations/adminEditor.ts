import type { AstroIntegration } from 'astro';

/**
 * Serves the web editor at /admin/ in `astro dev` as hosts serve dist/admin/index.html
 * there: without this, the dev server would look for a policy named "admin".
 */
export function adminEditor(): AstroIntegration {
  return {
    name: 'admin-editor',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'dev') return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'admin-editor-index',
                configureServer(server) {
                  server.middlewares.use((request, _response, next) => {
                    if (request.url === '/admin' || request.url === '/admin/') request.url = '/admin/index.html';
                    next();
                  });
                },
              },
            ],
          },
        });
      },
    },
  };
}
