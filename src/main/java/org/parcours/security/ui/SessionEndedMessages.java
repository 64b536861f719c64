package org.parcours.security.ui;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import org.springframework.stereotype.Component;

/**
 * When Vaadin's client finds its session gone (ended by {@code security.SessionStampFilter}, or
 * after 30 idle minutes), it goes straight to the sign-in page, which says the session has ended,
 * instead of Vaadin's own English "Session expired" box.
 */
@Component
class SessionEndedMessages implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> {
            CustomizedSystemMessages messages = new CustomizedSystemMessages();
            String context = info.getRequest() == null ? "" : info.getRequest().getContextPath();
            messages.setSessionExpiredURL(context + "/login?ended");
            messages.setSessionExpiredNotificationEnabled(false);
            return messages;
        });
    }
}
