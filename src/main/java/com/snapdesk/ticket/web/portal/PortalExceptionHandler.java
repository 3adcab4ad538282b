package com.snapdesk.ticket.web.portal;

import com.snapdesk.ticket.UnknownTicketException;
import com.snapdesk.shared.TooManyRequestsException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** The portal's answers when it cannot go on: not found, too many attempts. */
@ControllerAdvice(assignableTypes = {PortalController.class, ExpiredFormController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalExceptionHandler {

  /** A missing ticket and a wrong token look exactly the same. */
  @ExceptionHandler(UnknownTicketException.class)
  ModelAndView notFound(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    return new ModelAndView("web/not-found");
  }

  /**
   * Too many attempts (security.RateLimitWeb counts them before this controller runs): how long to wait, and what
   * was counted — this place's attempts, or the requests for one email address (which says nothing about whether it
   * belongs to a contact).
   */
  @ExceptionHandler(TooManyRequestsException.class)
  ModelAndView tooMany(TooManyRequestsException e, HttpServletResponse response) {
    response.setStatus(429);
    long seconds = e.retryAfterSeconds();
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    var mav = new ModelAndView("web/too-many-requests");
    mav.addObject("what", e.action().plural());
    mav.addObject("perRecipient", e.countedBy() == TooManyRequestsException.CountedBy.RECIPIENT);
    mav.addObject("limit", e.limit());
    mav.addObject("windowMinutes", Math.max(1, e.window().toMinutes()));
    mav.addObject("waitMinutes", Math.max(1, (seconds + 59) / 60));
    return mav;
  }
}
