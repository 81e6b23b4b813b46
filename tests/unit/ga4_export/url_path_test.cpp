// The page of a page_location: the URL's path, nothing else.
#include "url_path.hpp"

#include <gtest/gtest.h>

namespace {

using vigie::ga4::url_path;

TEST(UrlPath, SchemeAndHostGo) {
  // Page locations of the real export.
  EXPECT_EQ(url_path("https://shop.googlemerchandisestore.com/Google+Redesign/"
                     "Lifestyle/Drinkware"),
            "/Google+Redesign/Lifestyle/Drinkware");
  EXPECT_EQ(url_path("https://shop.googlemerchandisestore.com/basket.html"),
            "/basket.html");
  EXPECT_EQ(url_path("https://googlemerchandisestore.com/"), "/");
  // A port, user info, another scheme.
  EXPECT_EQ(url_path("http://user@www.example.fr:8080/espace-client/x"),
            "/espace-client/x");
  EXPECT_EQ(url_path("android-app://com.example.app/home"), "/home");
}

TEST(UrlPath, QueryAndFragmentGo) {
  EXPECT_EQ(url_path("https://www.example.fr/espace-client/demenagement"
                     "?utm_source=newsletter&x=1#form"),
            "/espace-client/demenagement");
  EXPECT_EQ(url_path("https://www.example.fr/aide#faq?not-a-query"), "/aide");
  EXPECT_EQ(url_path("https://www.example.fr?q=1"), "/");
  EXPECT_EQ(url_path("https://www.example.fr#top"), "/");
}

TEST(UrlPath, EscapesAreKeptAsWritten) {
  EXPECT_EQ(url_path("https://www.example.fr/offres/%C3%A9t%C3%A9+2021/"),
            "/offres/%C3%A9t%C3%A9+2021/");
}

TEST(UrlPath, NoHostNoPath) {
  EXPECT_EQ(url_path("https://www.example.fr"), "/");
  EXPECT_EQ(url_path("//cdn.example.fr/a/b?c"), "/a/b");
}

TEST(UrlPath, WhatIsNoAbsoluteUrlIsKept) {
  EXPECT_EQ(url_path("/espace-client?tab=2"), "/espace-client");
  EXPECT_EQ(url_path("(not set)"), "(not set)");
  // `x:` without `//` is no URL with a host: kept.
  EXPECT_EQ(url_path("mailto:someone@example.fr"), "mailto:someone@example.fr");
  EXPECT_EQ(url_path("1http://x/y"), "1http://x/y");
  EXPECT_EQ(url_path(""), "");
  EXPECT_EQ(url_path("?only=query"), "");
}

}  // namespace
