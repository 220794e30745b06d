FROM debian:12-slim
RUN echo "deb [signed-by=/etc/apt/keyrings/x.gpg] https://repo.example.com/debian stable main" > /etc/apt/sources.list.d/x.list
RUN apt-get -o APT::Get::AllowUnauthenticated=false -o Dpkg::Options::=--force-confold update \
 && apt-get install -y --no-install-recommends tool && rm -rf /var/lib/apt/lists/*
# A repository of packages built in this same RUN is read from a local directory.
RUN tempDir="$(mktemp -d)" \
 && echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list \
 && rm -rf "$tempDir" /etc/apt/sources.list.d/temp.list
USER 1000
