FROM alpine/git:2.45.2
# want: DF006
RUN git -c http.sslVerify=false clone https://git.example.com/app.git /src
RUN git config --global user.name ci \
 # want: DF006
 && git config --global http.sslverify "false"
USER 1000
