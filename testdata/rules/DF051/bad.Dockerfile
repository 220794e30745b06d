FROM ubuntu:24.04
# want: DF051
RUN echo 'root:Docker!2024' | chpasswd
# want: DF051
RUN useradd -m -p '$6$rounds=5000$abc$Ghz8Q0wq1l7lYH6' app
USER app
