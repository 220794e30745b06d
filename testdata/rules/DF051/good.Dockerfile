FROM ubuntu:24.04
RUN --mount=type=secret,id=pw,env=APP_PASSWORD echo "app:${APP_PASSWORD}" | chpasswd
RUN useradd -m -p '*' app && passwd -l app
USER app
