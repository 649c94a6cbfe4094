FROM golang:1.22 AS build
WORKDIR /src
RUN git clone https://github.com/golang/tools.git
WORKDIR /src/tools/gopls

FROM build
WORKDIR "/src/tools/my cmd"
