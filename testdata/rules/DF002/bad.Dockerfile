ARG BASE=node
# want: DF002
FROM ubuntu AS tools
# want: DF002
FROM ${BASE}
# want: DF002
FROM python:latest
USER 1000
