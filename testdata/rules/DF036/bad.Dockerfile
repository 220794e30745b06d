FROM nginx:1.27
# want: DF036
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
HEALTHCHECK --interval=30s CMD curl -f http://localhost/healthz || exit 1
USER nginx
