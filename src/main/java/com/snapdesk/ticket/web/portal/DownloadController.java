package com.snapdesk.ticket.web.portal;

import com.snapdesk.ticket.customer.DownloadRetrievedData;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /tickets/{id}/download?token=…}: the download link in emails and on the status page. A GET is safe here (it
 * changes nothing), so mail scanners following it do no harm; the storage link it redirects to lives for minutes.
 */
@Controller
class DownloadController {

  static final String GONE = "web/download-gone";

  private final DownloadRetrievedData downloads;

  DownloadController(DownloadRetrievedData downloads) {
    this.downloads = downloads;
  }

  @GetMapping("/tickets/{ticketId}/download")
  Object download(@PathVariable String ticketId, @RequestParam(required = false) String token) {
    return downloads.link(ticketId, token)
        .<Object>map(link -> ResponseEntity.status(HttpStatus.FOUND).location(link)
            .cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer").build())
        .orElseGet(() -> {
          // One page for a wrong token, an unknown ticket and expired data: it tells a guesser nothing.
          ModelAndView page = new ModelAndView(GONE);
          page.setStatus(HttpStatus.NOT_FOUND);
          return page;
        });
  }
}
