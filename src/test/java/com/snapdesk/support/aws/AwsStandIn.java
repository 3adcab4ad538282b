package com.snapdesk.support.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;

/**
 * One local endpoint for every AWS service, as {@code snapdesk.aws.endpoint} expects: WireMock answers EC2 (Query
 * protocol) and SSM (JSON 1.1) from the fakes and, when given, forwards everything else (S3's bucket paths) to S3Mock.
 */
public final class AwsStandIn implements AutoCloseable {

  public final FakeEc2 ec2 = new FakeEc2();
  public final FakeSsm ssm = new FakeSsm();
  public final WireMockServer wireMock;

  public AwsStandIn() {
    this(null);
  }

  public AwsStandIn(URI s3) {
    wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(ec2, ssm)
        .enableBrowserProxying(false));
    wireMock.start();
    wireMock.stubFor(post(urlEqualTo("/")).withHeader("Content-Type", containing("x-www-form-urlencoded"))
        .atPriority(1).willReturn(aResponse().withTransformers(FakeEc2.NAME)));
    wireMock.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", containing("AmazonSSM."))
        .atPriority(1).willReturn(aResponse().withTransformers(FakeSsm.NAME)));
    if (s3 != null) wireMock.stubFor(any(urlPathMatching("/.+")).atPriority(5).willReturn(aResponse().proxiedFrom(s3.toString())));
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + wireMock.port());
  }

  public void reset() {
    ec2.reset();
    ssm.reset();
    wireMock.resetRequests();
  }

  @Override
  public void close() {
    wireMock.stop();
  }
}
