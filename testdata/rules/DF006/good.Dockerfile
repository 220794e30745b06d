FROM alpine/git:2.45.2
RUN git -c advice.detachedHead=false clone https://git.example.com/app.git /src
RUN git config --global http.sslVerify true && git config --global http.sslCAInfo /etc/ssl/corp.pem
# The word false elsewhere on the line is not a setting.
RUN git config --global core.autocrlf false
USER 1000
