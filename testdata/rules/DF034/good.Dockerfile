FROM ubuntu:24.04 AS test
# A builder stage's EXPOSE is not part of the final image.
EXPOSE 22
FROM ubuntu:24.04
EXPOSE 2222 220 22/udp
USER 1000
