FROM debian:12-slim
RUN echo "deb [signed-by=/etc/apt/keyrings/x.gpg] https://repo.example.com/debian stable main" > /etc/apt/sources.list.d/x.list
RUN apt-get -o APT::Get::AllowUnauthenticated=false -o Dpkg::Options::=--force-confold update \
 && apt-get install -y --no-install-recommends tool && rm -rf /var/lib/apt/lists/*
USER 1000
