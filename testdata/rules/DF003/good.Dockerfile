FROM debian:12
# Downloading to a file and checking it before running it is the fix.
RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \
 && echo "4f2a...  /tmp/install.sh" | sha256sum -c - \
 && sh /tmp/install.sh
# Piping a download into tar or a checksum tool runs nothing.
RUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt
RUN echo "$(curl -fsSL https://example.com/version)" > /VERSION
# A shell in another pipeline of the same RUN is not fed by curl.
RUN curl -fsSLo /tmp/x https://example.com/x && sh -c 'echo done'
USER 1000
