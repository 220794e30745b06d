FROM debian:12-slim
RUN useradd --uid 10001 app
USER app
RUN echo building as app
# want: DF001
USER root:root
CMD ["/bin/sh"]
