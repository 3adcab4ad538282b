package com.snapdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The restore instructions name the delivered dump by the file name in the storage location the app keeps. */
class DumpFileNameTest {

  @Test
  void takesTheLastPartOfTheStorageLocation() {
    // given the delivery location of a dump in the bucket
    // when naming the file for the customer
    // then it is the object's file name, without bucket or prefix
    assertThat(SendCustomerMail.fileName("s3://snapdesk-dumps/mx7k2p4qzt3rw/production/rp-0042.sql.gz"))
        .isEqualTo("rp-0042.sql.gz");
  }

  @Test
  void isUnknownWhenTheLocationEndsWithoutAFile() {
    assertThat(SendCustomerMail.fileName("s3://snapdesk-dumps/mx7k2p4qzt3rw/")).isNull();
    assertThat(SendCustomerMail.fileName(null)).isNull();
  }
}
