FROM alpine:3.20
# shiplint ignore=DF003 -- nothing is piped into a shell here  # want: stale-suppression
RUN echo hello
# shiplint ignore=DF999 -- a typo in the rule ID  # want: stale-suppression
RUN echo hello
# shiplint ignore=DF001 until=2020-01-31 -- accepted until the migration  # want: stale-suppression
USER root
# shiplint ignore DF002 missing equals sign  # want: stale-suppression
